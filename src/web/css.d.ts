// esbuild bundles CSS imported from the entry into dist/web/app.css.
declare module '*.css';
