// The pictures an article would load if the reader showed them: only
// absolute web addresses count (a pasted page's relative ones lead nowhere
// from here). "Show images" names the sites before anything is fetched.

/** { count, hosts } of the article's loadable pictures. */
export function loadableImages(article) {
  const hosts = new Set();
  let count = 0;
  for (const block of article.blocks) {
    const src = block.image?.src;
    if (!src) continue;
    let url;
    try {
      url = new URL(src);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    count++;
    hosts.add(url.hostname);
  }
  return { count, hosts: [...hosts] };
}

/** "Not loaded: showing it contacts images.example.com." */
export function contactNote({ count, hosts }) {
  const sites = hosts.length <= 2 ? hosts.join(' and ') : `${hosts.slice(0, 2).join(', ')} and ${hosts.length - 2} more sites`;
  const pictures = count === 1 ? 'it' : `these ${count} pictures`;
  return `Not loaded: showing ${pictures} contacts ${sites}.`;
}
