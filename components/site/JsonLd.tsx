import { serializeJsonLd, type JsonLd as JsonLdData } from '@/lib/seo/json-ld';

/** One structured-data script; the serialiser escapes what could end the element. */
export function JsonLd({ data }: { data: JsonLdData }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
