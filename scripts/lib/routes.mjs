// The pages a build produced, as URL paths.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every .html file under dist as a URL path: "/", "/notes/31-x/", "/404.html"; sorted.
 * @param {string} dist
 * @returns {string[]}
 */
export function builtRoutes(dist) {
  /** @type {string[]} */
  const routes = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) routes.push(routeOf(relative(dist, path).split(sep).join('/')));
    }
  };
  walk(dist);
  return routes.sort();
}

/**
 * "index.html" → "/", "notes/a/index.html" → "/notes/a/", "404.html" → "/404.html".
 * @param {string} file path relative to dist, with "/" separators
 */
export function routeOf(file) {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * The file behind a route.
 * @param {string} dist
 * @param {string} route
 */
export function fileOf(dist, route) {
  return join(dist, route.endsWith('/') ? `${route}index.html` : route);
}

/** @param {string} dist @param {string} route */
export function readRoute(dist, route) {
  return readFileSync(fileOf(dist, route), 'utf8');
}
