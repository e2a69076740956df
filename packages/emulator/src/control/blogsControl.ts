/**
 * Blog sites, authors and categories through the control API. HighLevel's v2 API lists them but
 * cannot make them: staff set them up in HighLevel's blog editor, so tests and demos make them
 * here. Posts are written with HighLevel's own `POST /blogs/posts`.
 */
import type { BlogAuthorRecord, BlogCategoryRecord, BlogRecord } from '../blogs/core/model.js';
import { newId } from '../ids.js';
import { nowIso, type Runtime } from '../runtime.js';
import { ControlError } from './controlError.js';
import { knownLocation } from './knownLocation.js';

export interface CreateBlogInput {
  name?: string;
}

export interface CreateBlogAuthorInput {
  name?: string;
  canonicalLink?: string;
}

export interface CreateBlogCategoryInput {
  label?: string;
  /** Default: the label in kebab case. */
  urlSlug?: string;
  canonicalLink?: string;
}

function text(value: unknown, name: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ControlError(422, 'invalid_field', `${name} must be a non-empty string`);
  }
  return value;
}

const slugOf = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The blogs part of the control surface: `createBlog`, `createBlogAuthor`, `createBlogCategory`. */
export function blogsControl(rt: Runtime) {
  return {
    /** Creates a blog site, as `GET /blogs/site/all` lists it. */
    createBlog(locationId: string, input: CreateBlogInput = {}): BlogRecord {
      knownLocation(rt, locationId);
      const blog: BlogRecord = {
        id: newId(),
        locationId,
        name: text(input.name, 'name', 'My Blog'),
        dateAdded: nowIso(rt),
      };
      rt.state.blogs[blog.id] = blog;
      return structuredClone(blog);
    },

    /** Creates an author posts can name, as `GET /blogs/authors` lists it. */
    createBlogAuthor(locationId: string, input: CreateBlogAuthorInput = {}): BlogAuthorRecord {
      knownLocation(rt, locationId);
      const name = text(input.name, 'name', 'Staff Writer');
      const author: BlogAuthorRecord = {
        id: newId(),
        locationId,
        name,
        canonicalLink: text(input.canonicalLink, 'canonicalLink', `/author/${slugOf(name)}`),
        updatedAt: nowIso(rt),
      };
      rt.state.blogAuthors[author.id] = author;
      return structuredClone(author);
    },

    /** Creates a category posts can name, as `GET /blogs/categories` lists it. */
    createBlogCategory(
      locationId: string,
      input: CreateBlogCategoryInput = {},
    ): BlogCategoryRecord {
      knownLocation(rt, locationId);
      const label = text(input.label, 'label', 'News');
      const urlSlug = text(input.urlSlug, 'urlSlug', slugOf(label));
      const category: BlogCategoryRecord = {
        id: newId(),
        locationId,
        label,
        urlSlug,
        canonicalLink: text(input.canonicalLink, 'canonicalLink', `/category/${urlSlug}`),
        updatedAt: nowIso(rt),
      };
      rt.state.blogCategories[category.id] = category;
      return structuredClone(category);
    },
  };
}

export type BlogsControl = ReturnType<typeof blogsControl>;
