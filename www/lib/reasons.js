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

const reasons = {
  navigation: ['furniture', 'navigation', 'Navigation: a menu, breadcrumb or list of links to other pages.'],
  'outside-article': ['furniture', 'outside the article', 'Outside the article: it sits apart from the article’s text on the page.'],
  boilerplate: ['furniture', 'boilerplate', 'Site boilerplate: a copyright, legal, cookie or subscription notice.'],
  hidden: ['furniture', 'hidden', 'Hidden: the page does not show it to readers.'],
  duplicate: ['furniture', 'duplicate', 'A duplicate: the same text appears elsewhere in the input.'],
  advertisement: ['promo', 'advertisement', 'An advertisement or sponsored content.'],
  'call-to-action': ['promo', 'call to action', 'A call to action: a prompt to click, share, subscribe or follow.'],
  'teaser-unrelated': ['promo', 'teaser', 'A teaser for another article.'],
  gallery: ['media', 'gallery', 'Gallery furniture: an image counter or a link to a gallery.'],
  'photo-credit': ['media', 'photo credit', 'A photo credit: who took or supplied a picture.'],
  caption: ['media', 'caption', 'A picture’s caption: pictures are not part of the text.'],
  comments: ['comments', 'comments', 'Comments, or an invitation to join them.'],
  title: ['meta', 'title', 'Moved to metadata: the article’s title.'],
  byline: ['meta', 'byline', 'Moved to metadata: the author.'],
  date: ['meta', 'date', 'Moved to metadata: the publication date.'],
  'section-label': ['meta', 'section', 'Moved to metadata: the section the article belongs to.'],
};

/** { family, label, sentence } for a reason code (unknown codes too). */
export function describe(reason) {
  const [family, label, sentence] = reasons[reason] ?? ['furniture', reason, `Removed (${reason}).`];
  return { family, label, sentence };
}

/** True for the reasons that move a block into the article's metadata. */
export const isMetadata = (reason) => describe(reason).family === 'meta';
