import type {
  BlogAuthorRecord,
  BlogCategoryRecord,
  BlogPostRecord,
  BlogRecord,
} from './core/model.js';

/** A blog site (`BlogResponseDTO`). */
export const blogView = (blog: BlogRecord) => ({ _id: blog.id, name: blog.name });

/** An author (`AuthorResponseDTO`). */
export const authorView = (author: BlogAuthorRecord) => ({
  _id: author.id,
  name: author.name,
  locationId: author.locationId,
  updatedAt: author.updatedAt,
  canonicalLink: author.canonicalLink,
});

/** A category (`CategoryResponseDTO`: its name is `label`). */
export const categoryView = (category: BlogCategoryRecord) => ({
  _id: category.id,
  label: category.label,
  locationId: category.locationId,
  updatedAt: category.updatedAt,
  canonicalLink: category.canonicalLink,
  urlSlug: category.urlSlug,
});

/** A post (`BlogPostResponseDTO`); `archived` says whether its status is `ARCHIVED`. */
export function postView(post: BlogPostRecord) {
  return {
    _id: post.id,
    title: post.title,
    description: post.description,
    imageUrl: post.imageUrl,
    imageAltText: post.imageAltText,
    status: post.status,
    archived: post.status === 'ARCHIVED',
    categories: [...post.categories],
    tags: [...post.tags],
    author: post.author,
    urlSlug: post.urlSlug,
    ...(post.canonicalLink ? { canonicalLink: post.canonicalLink } : {}),
    publishedAt: post.publishedAt,
    updatedAt: post.updatedAt,
  };
}
