// For bundlers that import .wasm as an ES module (webpack with
// `experiments.asyncWebAssembly`): wasm-bindgen's bundler glue, which the
// bundler links to the wasm, behind the package's wrapper. The namespace
// import keeps the glue's own module, whose top level instantiates the wasm.
import * as raw from '../pkg/bundler.js';
import { wrap } from './wrap.mjs';

export const { clean, render, isProbablyArticle, reasons, metadataSources } = wrap(raw);
