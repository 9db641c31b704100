import type { Metadata } from 'next';
import { StaticShell } from '@/components/site/StaticShell';
import { aboutPath } from '@/lib/public-paths';
import { staticPageMetadata } from '@/lib/seo/page-metadata';
// The typography of the stored text; the pages without such text leave it out (app/prose.css).
import '@/app/prose.css';

export const metadata: Metadata = staticPageMetadata({
  title: 'Giới thiệu',
  description: 'Giới thiệu Cổng thông tin điện tử Thành phố Lào Cai.',
  path: aboutPath(),
});

// A fully static page (prerendered at build time); the benchmark also uses it
// as the framework's ceiling for cached pages.
export default function AboutPage() {
  return (
    <StaticShell>
      <article className="prose prose-slate mx-auto max-w-3xl px-4 py-8">
        <h1>Giới thiệu</h1>
        <p>
          Cổng thông tin điện tử Thành phố Lào Cai là kênh thông tin chính thức của Ủy ban nhân dân thành phố, cung cấp tin tức, sự kiện,
          chủ trương, chính sách và thông tin phục vụ người dân, doanh nghiệp.
        </p>
        <h2>Nhiệm vụ</h2>
        <ul>
          <li>Đăng tải kịp thời tin tức về hoạt động của chính quyền và đời sống kinh tế – xã hội của thành phố.</li>
          <li>Công khai thông tin về quy hoạch, dự án, thủ tục hành chính theo quy định.</li>
          <li>Tiếp nhận ý kiến phản ánh, kiến nghị của người dân và doanh nghiệp.</li>
        </ul>
        <h2>Liên hệ</h2>
        <p>Ban biên tập Cổng thông tin điện tử Thành phố Lào Cai — Đường Hoàng Liên, phường Cốc Lếu, thành phố Lào Cai.</p>
      </article>
    </StaticShell>
  );
}
