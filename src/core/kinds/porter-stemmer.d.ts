// wink's Porter2 stemmer ships as a plain CommonJS file without its own declaration.
declare module 'wink-eng-lite-web-model/dist/porter-stemmer.js' {
  const stem: (word: string) => string;
  export default stem;
}
