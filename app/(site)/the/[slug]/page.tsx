import { listingRoute } from '@/components/site/pages/listing-routes';

export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const route = listingRoute('tag');
export const generateMetadata = route.generateMetadata;
export default route.Page;
