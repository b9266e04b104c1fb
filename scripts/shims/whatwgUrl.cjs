// node-fetch 2 imports whatwg-url only as a fallback for runtimes without a global URL; Node 20 has
// one. Bundling this instead of whatwg-url (and its 260 KiB Unicode table, tr46) keeps the extension
// small. See esbuild.mjs.
module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };
