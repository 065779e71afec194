// `kubectl taint` argument parsing, validation and taint-list update.
export * from './parse.ts';
