import { Fragment, type ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from './markdown.js';

const imageStyle = { maxWidth: '100%', height: 'auto' } as const;

function inline(n: Inline, key: number): ReactNode {
  switch (n.type) {
    case 'text':
      return <Fragment key={key}>{n.text}</Fragment>;
    case 'strong':
      return <strong key={key}>{inlines(n.children)}</strong>;
    case 'em':
      return <em key={key}>{inlines(n.children)}</em>;
    case 'code':
      return <code key={key}>{n.text}</code>;
    case 'link':
      return (
        <a key={key} href={n.href} rel="noopener noreferrer">
          {inlines(n.children)}
        </a>
      );
    case 'image':
      return <img key={key} src={n.src} alt={n.alt} loading="lazy" style={imageStyle} />;
  }
}

// The content is static (never reordered): positions are the right keys.
const inlines = (nodes: Inline[]): ReactNode[] => nodes.map(inline);

const listItem = (item: Inline[], key: number) => <li key={key}>{inlines(item)}</li>;

function block(b: Block, key: number): ReactNode {
  switch (b.type) {
    case 'paragraph':
      return <p key={key}>{inlines(b.children)}</p>;
    case 'heading':
      return b.level === 3 ? <h3 key={key}>{inlines(b.children)}</h3> : <h4 key={key}>{inlines(b.children)}</h4>;
    case 'quote':
      return (
        <blockquote key={key}>
          <p>{inlines(b.children)}</p>
        </blockquote>
      );
    case 'image':
      return (
        <p key={key}>
          <img src={b.src} alt={b.alt} loading="lazy" style={imageStyle} />
        </p>
      );
    case 'list': {
      const items = b.items.map(listItem);
      return b.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
  }
}

/**
 * A lesson screen's Markdown as React elements (text is always escaped by React; see markdown.ts).
 * Plain elements, so a surrounding Mantine Typography gives them the theme's styles.
 */
export function Markdown({ source }: { source: string }) {
  return <>{parseMarkdown(source).map(block)}</>;
}
