// A redirect rendered by a page (permanentRedirect() in the article, category or unmatched-path
// page) leaves Next 16 writing its Location header twice on the first, uncached answer: once
// while rendering, once more from the headers it keeps for the route cache. Two Location
// values are an error for some clients (curl and fetch join them into "/a, /a"). A response
// has one Location: appending to it replaces it.

/** Makes `res.appendHeader('location', …)` replace the header instead of adding a second value. */
export function keepSingleLocation(res) {
  const append = res.appendHeader.bind(res);
  res.appendHeader = (name, value) => {
    if (String(name).toLowerCase() !== 'location') return append(name, value);
    res.setHeader(name, Array.isArray(value) ? value[value.length - 1] : value);
    return res;
  };
}
