import { organizationJsonLd, websiteJsonLd } from '@/lib/seo/json-ld';
import { cachedSiteSettings } from '@/server/public-data';
import { JsonLd } from './JsonLd';

/** The home page's WebSite (with its search box) and Organization, from the site settings. */
export async function HomeJsonLd() {
  const settings = await cachedSiteSettings();
  return (
    <>
      <JsonLd data={websiteJsonLd(settings)} />
      <JsonLd data={organizationJsonLd(settings)} />
    </>
  );
}
