import { NotFoundContent } from '@/components/site/NotFoundContent';

export default function SiteNotFound() {
  return <NotFoundContent />;
}
