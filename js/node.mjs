// Node's ES module entry: the CommonJS build, re-exported.
import api from './node.cjs';

export const { clean, render, isProbablyArticle, reasons, metadataSources } = api;
export default api;
