import { NotFoundContent } from '@/components/site/NotFoundContent';
import { StaticShell } from '@/components/site/StaticShell';

// Prerendered by `next build`, so it must not read the database.
export default function NotFound() {
  return (
    <StaticShell>
      <NotFoundContent />
    </StaticShell>
  );
}
