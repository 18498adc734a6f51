import type { WinkMethods } from 'wink-nlp';
export declare function createWink(pipe: string[]): WinkMethods;
