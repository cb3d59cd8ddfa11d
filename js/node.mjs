// Node's ES module entry: the CommonJS build, re-exported.
import api from './node.cjs';

export const { clean, render, isProbablyArticle } = api;
export default api;
