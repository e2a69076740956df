/**
 * Writing a blog post (`POST /blogs/posts`, `PUT /blogs/posts/{postId}`): the blog, author and
 * categories it names must be the Location's, and its URL slug free among the Location's posts.
 * https://marketplace.gohighlevel.com/docs/ghl/blogs/create-blog-post
 */
import { badRequest, unprocessable, wrongLocation } from '../errors.js';
import { newId } from '../ids.js';
import type { LocationRecord } from '../locations/model.js';
import { nowIso, type Runtime } from '../runtime.js';
import type { BlogPostRecord, PostStatus } from './core/model.js';

export interface PostInput {
  title: string;
  blogId: string;
  imageUrl: string;
  imageAltText: string;
  description: string;
  rawHTML: string;
  status: PostStatus;
  categories: string[];
  tags?: string[];
  author: string;
  urlSlug: string;
  canonicalLink?: string;
  publishedAt: string;
}

/** One of the Location's records in `records`, or 400 `<Thing> not found for id:<id>`. */
function recordOf<T extends { locationId: string }>(
  records: Record<string, T>,
  location: LocationRecord,
  id: string,
  thing: string,
): T {
  const record = records[id];
  if (!record) throw badRequest(`${thing} not found for id:${id}`);
  if (record.locationId !== location.id) throw wrongLocation();
  return record;
}

/** Whether a post of the Location other than `exceptPostId` has the slug. */
export function slugTaken(
  rt: Runtime,
  location: LocationRecord,
  urlSlug: string,
  exceptPostId?: string,
): boolean {
  return Object.values(rt.state.blogPosts).some(
    (p) => p.locationId === location.id && p.urlSlug === urlSlug && p.id !== exceptPostId,
  );
}

export function postOf(rt: Runtime, location: LocationRecord, id: string): BlogPostRecord {
  return recordOf(rt.state.blogPosts, location, id, 'Blog post');
}

function checkPost(rt: Runtime, location: LocationRecord, input: PostInput, postId?: string) {
  if (Number.isNaN(Date.parse(input.publishedAt))) {
    throw unprocessable(['publishedAt must be a valid ISO 8601 date string']);
  }
  recordOf(rt.state.blogs, location, input.blogId, 'Blog');
  recordOf(rt.state.blogAuthors, location, input.author, 'Author');
  for (const id of input.categories) recordOf(rt.state.blogCategories, location, id, 'Category');
  if (slugTaken(rt, location, input.urlSlug, postId)) {
    throw badRequest(`Url slug ${input.urlSlug} already exists`);
  }
}

const fields = (input: PostInput) => ({
  blogId: input.blogId,
  title: input.title,
  description: input.description,
  imageUrl: input.imageUrl,
  imageAltText: input.imageAltText,
  rawHTML: input.rawHTML,
  status: input.status,
  categories: [...input.categories],
  tags: [...(input.tags ?? [])],
  author: input.author,
  urlSlug: input.urlSlug,
  ...(input.canonicalLink ? { canonicalLink: input.canonicalLink } : {}),
  publishedAt: new Date(input.publishedAt).toISOString(),
});

export function createPost(rt: Runtime, location: LocationRecord, input: PostInput) {
  checkPost(rt, location, input);
  const now = nowIso(rt);
  const post: BlogPostRecord = {
    id: newId(),
    locationId: location.id,
    ...fields(input),
    dateAdded: now,
    updatedAt: now,
  };
  rt.state.blogPosts[post.id] = post;
  return post;
}

/** Replaces the post's fields with `input` (the update DTO requires them all). */
export function updatePost(
  rt: Runtime,
  post: BlogPostRecord,
  location: LocationRecord,
  input: PostInput,
) {
  checkPost(rt, location, input, post.id);
  delete post.canonicalLink;
  Object.assign(post, fields(input), { updatedAt: nowIso(rt) });
  return post;
}
