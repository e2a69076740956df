/**
 * Blogs (spec/highlevel/apps/blogs.json): a Location's blog sites, their authors and categories
 * (made in HighLevel's UI, so here with the control API), and the posts the API writes.
 */

/** A blog site (`BlogResponseDTO`). */
export interface BlogRecord {
  id: string;
  locationId: string;
  name: string;
  dateAdded: string;
}

/** An author posts name (`AuthorResponseDTO`). */
export interface BlogAuthorRecord {
  id: string;
  locationId: string;
  name: string;
  canonicalLink: string;
  updatedAt: string;
}

/** A category posts name (`CategoryResponseDTO`). */
export interface BlogCategoryRecord {
  id: string;
  locationId: string;
  label: string;
  urlSlug: string;
  canonicalLink: string;
  updatedAt: string;
}

export const POST_STATUSES = ['DRAFT', 'PUBLISHED', 'SCHEDULED', 'ARCHIVED'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** A post of a blog (`BlogPostResponseDTO`, plus its blog and HTML). */
export interface BlogPostRecord {
  id: string;
  locationId: string;
  blogId: string;
  title: string;
  description: string;
  imageUrl: string;
  imageAltText: string;
  rawHTML: string;
  status: PostStatus;
  /** Category ids. */
  categories: string[];
  tags: string[];
  /** An author id. */
  author: string;
  /** Unique among the Location's posts. */
  urlSlug: string;
  canonicalLink?: string;
  publishedAt: string;
  dateAdded: string;
  updatedAt: string;
}
