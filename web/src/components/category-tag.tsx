/**
 * A power category (权力分类) as a coloured tag.
 */
import { Tag } from 'antd';
import { categoryColour } from '../lib/labels.js';

/** Tag for one category, coloured consistently across pages. */
export function CategoryTag({ category }: { category: string }) {
  return (
    <Tag color={categoryColour(category)} style={{ marginInlineEnd: 0 }}>
      {category}
    </Tag>
  );
}
