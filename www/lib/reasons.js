// Why a block is not in the article: a sentence for each reason code the
// cleaner gives, grouped in families that share a colour on the page.

export const families = {
  furniture: 'Page furniture',
  promo: 'Ads and promotion',
  media: 'Galleries and credits',
  comments: 'Comments',
  meta: 'Moved to metadata',
  user: 'Changed by you',
};

// code: [family, label, sentence, what a run of such blocks is called]
const reasons = {
  navigation: ['furniture', 'navigation', 'Navigation: a menu, breadcrumb or list of links to other pages.', ['navigation link', 'navigation links']],
  'outside-article': ['furniture', 'outside the article', 'Outside the article: it sits apart from the article’s text on the page.', ['block outside the article', 'blocks outside the article']],
  boilerplate: ['furniture', 'boilerplate', 'Site boilerplate: a copyright, legal, cookie or subscription notice.', ['line of site boilerplate', 'lines of site boilerplate']],
  hidden: ['furniture', 'hidden', 'Hidden: the page does not show it to readers.', ['hidden block', 'hidden blocks']],
  duplicate: ['furniture', 'duplicate', 'A duplicate: the same text appears elsewhere in the input.', ['duplicate', 'duplicates']],
  advertisement: ['promo', 'advertisement', 'An advertisement or sponsored content.', ['advertisement', 'advertisements']],
  'call-to-action': ['promo', 'call to action', 'A call to action: a prompt to click, share, subscribe or follow.', ['call to action', 'calls to action']],
  'teaser-unrelated': ['promo', 'teaser', 'A teaser for another article.', ['teaser', 'teasers']],
  gallery: ['media', 'gallery', 'Gallery furniture: an image counter or a link to a gallery.', ['gallery item', 'gallery items']],
  'photo-credit': ['media', 'photo credit', 'A photo credit: who took or supplied a picture.', ['photo credit', 'photo credits']],
  caption: ['media', 'caption', 'A picture’s caption: pictures are not part of the text.', ['caption', 'captions']],
  comments: ['comments', 'comments', 'Comments, or an invitation to join them.', ['comment block', 'comment blocks']],
  title: ['meta', 'title', 'Moved to metadata: the article’s title.'],
  byline: ['meta', 'byline', 'Moved to metadata: the author.'],
  date: ['meta', 'date', 'Moved to metadata: the publication date.'],
  'section-label': ['meta', 'section', 'Moved to metadata: the section the article belongs to.'],
};

/** { family, label, sentence, noun(n) } for a reason code (unknown codes
 * too); noun(n) names n such blocks ("33 navigation links"). */
export function describe(reason) {
  const [family, label, sentence, names = [`block removed as ${reason}`, `blocks removed as ${reason}`]] =
    reasons[reason] ?? ['furniture', reason, `Removed (${reason}).`];
  const noun = (n) => `${n.toLocaleString()} ${n === 1 ? names[0] : names[1]}`;
  return { family, label, sentence, noun };
}

/** True for the reasons that move a block into the article's metadata. */
export const isMetadata = (reason) => describe(reason).family === 'meta';
