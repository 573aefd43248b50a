import { Blockquote, Code, List, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { type Inline, parseMarkdown } from './markdown.js';

function Inlines({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'strong' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <strong key={i}>{p.text}</strong>
        ) : p.kind === 'code' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <Code key={i}>{p.text}</Code>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}

/** A library sheet rendered from its Markdown as text nodes only (see markdown.ts). */
export function Markdown({ source }: { source: string }) {
  return (
    <div>
      {parseMarkdown(source).map((b, i) => {
        const key = `${b.kind}-${i}`;
        if (b.kind === 'heading')
          return (
            <Title key={key} order={b.level} size={b.level === 2 ? 'h3' : 'h4'} mt="md" mb="xs">
              <Inlines parts={b.inlines} />
            </Title>
          );
        if (b.kind === 'rule') return <hr key={key} />;
        if (b.kind === 'list') {
          // A checklist prints with empty boxes to tick on paper; the boxes say nothing to a screen reader.
          const checklist = b.checks.length > 0 && b.checks.every((c) => c !== null);
          return (
            <List key={key} type={b.ordered ? 'ordered' : 'unordered'} listStyleType={checklist ? 'none' : undefined} mb="sm" spacing={4}>
              {b.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items never reorder
                <List.Item key={j}>
                  {checklist ? <span aria-hidden="true">{b.checks[j] ? '☑ ' : '☐ '}</span> : null}
                  <Inlines parts={item} />
                </List.Item>
              ))}
            </List>
          );
        }
        const lines = b.lines.map((line, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines never reorder
          <Fragment key={j}>
            {j > 0 ? <br /> : null}
            <Inlines parts={line} />
          </Fragment>
        ));
        if (b.kind === 'quote')
          return (
            <Blockquote key={key} color="gray" p="sm" mb="sm">
              {lines}
            </Blockquote>
          );
        return (
          <Text key={key} mb="sm">
            {lines}
          </Text>
        );
      })}
    </div>
  );
}
