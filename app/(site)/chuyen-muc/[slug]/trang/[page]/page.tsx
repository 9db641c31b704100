import { listingRoute } from '@/components/site/pages/listing-routes';

// = PUBLIC_REVALIDATE_SECONDS (lib/cache-tags.ts): Next needs a literal here; tests/unit/revalidate.test.ts keeps the two equal.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const route = listingRoute('category');
export const generateMetadata = route.generateMetadata;
export default route.Page;
