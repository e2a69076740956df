/**
 * Blogs (spec/highlevel/apps/blogs.json): a Location's blog sites, authors and categories (made
 * with the control API, as staff make them in HighLevel's UI), its posts, and whether a URL slug
 * is taken. Lists are newest first.
 * https://marketplace.gohighlevel.com/docs/ghl/blogs/get-blog-post
 */
import { postOf, createPost, slugTaken, updatePost, type PostInput } from '../blogs/posts.js';
import { authorView, blogView, categoryView, postView } from '../blogs/view.js';
import { requiredQuery } from '../calendars/requiredQuery.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest, wrongLocation } from '../errors.js';
import type { LocationRecord } from '../locations/model.js';
import { route } from '../runtime.js';

const createRules = dtoRules('blogs', 'CreateBlogPostParams');
const updateRules = dtoRules('blogs', 'UpdateBlogPostParams');

/** The Location's records, most recently changed first. */
function newestFirst<T extends { locationId: string; id: string }>(
  records: Record<string, T>,
  location: LocationRecord,
  changedAt: (record: T) => string,
): T[] {
  return Object.values(records)
    .filter((r) => r.locationId === location.id)
    .sort((a, b) => changedAt(b).localeCompare(changedAt(a)) || b.id.localeCompare(a.id));
}

export const urlSlugExistsRoute = route(
  'GET',
  '/blogs/posts/url-slug-exists',
  ({ query, location, rt }) => {
    const { urlSlug } = requiredQuery(query, { strings: ['urlSlug', 'locationId'] });
    const exists = slugTaken(rt, location, urlSlug, query.get('postId') ?? undefined);
    return { status: 200, body: { exists } };
  },
);

export const listAuthorsRoute = route('GET', '/blogs/authors', ({ query, location, rt }) => {
  const { limit, offset } = requiredQuery(query, {
    strings: ['locationId'],
    numbers: ['limit', 'offset'],
  });
  const authors = newestFirst(rt.state.blogAuthors, location, (a) => a.updatedAt);
  return { status: 200, body: { authors: authors.slice(offset, offset + limit).map(authorView) } };
});

export const listCategoriesRoute = route('GET', '/blogs/categories', ({ query, location, rt }) => {
  const { limit, offset } = requiredQuery(query, {
    strings: ['locationId'],
    numbers: ['limit', 'offset'],
  });
  const categories = newestFirst(rt.state.blogCategories, location, (c) => c.updatedAt);
  return {
    status: 200,
    body: { categories: categories.slice(offset, offset + limit).map(categoryView) },
  };
});

/** A blog's posts, newest change first; `searchTerm` matches titles, `status` filters. */
export const listPostsRoute = route('GET', '/blogs/posts/all', ({ query, location, rt }) => {
  const { blogId, limit, offset } = requiredQuery(query, {
    strings: ['locationId', 'blogId'],
    numbers: ['limit', 'offset'],
  });
  const blog = rt.state.blogs[blogId];
  if (!blog) throw badRequest(`Blog not found for id:${blogId}`);
  if (blog.locationId !== location.id) throw wrongLocation();
  const text = query.get('searchTerm')?.toLowerCase();
  const status = query.get('status');
  const posts = newestFirst(rt.state.blogPosts, location, (p) => p.updatedAt)
    .filter((p) => p.blogId === blog.id)
    .filter((p) => !text || p.title.toLowerCase().includes(text))
    .filter((p) => !status || p.status === status);
  return { status: 200, body: { blogs: posts.slice(offset, offset + limit).map(postView) } };
});

export const listBlogsRoute = route('GET', '/blogs/site/all', ({ query, location, rt }) => {
  const { skip, limit } = requiredQuery(query, {
    strings: ['locationId'],
    numbers: ['skip', 'limit'],
  });
  const text = query.get('searchTerm')?.toLowerCase();
  const blogs = newestFirst(rt.state.blogs, location, (b) => b.dateAdded).filter(
    (b) => !text || b.name.toLowerCase().includes(text),
  );
  return { status: 200, body: { data: blogs.slice(skip, skip + limit).map(blogView) } };
});

export const createPostRoute = route('POST', '/blogs/posts', ({ body, location, rt }) => {
  const input = validBody(createRules, body) as unknown as PostInput;
  return { status: 200, body: { data: postView(createPost(rt, location, input)) } };
});

/** The update DTO requires every field: the post is replaced. */
export const updatePostRoute = route(
  'PUT',
  '/blogs/posts/{postId}',
  ({ params, body, location, rt }) => {
    const input = validBody(updateRules, body) as unknown as PostInput;
    const post = postOf(rt, location, params.postId!);
    return {
      status: 200,
      body: { updatedBlogPost: postView(updatePost(rt, post, location, input)) },
    };
  },
);

export const blogRoutes = [
  urlSlugExistsRoute,
  listAuthorsRoute,
  listCategoriesRoute,
  listPostsRoute,
  listBlogsRoute,
  createPostRoute,
  updatePostRoute,
];
