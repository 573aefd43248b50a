import { Box } from '@mantine/core';

/**
 * Shows sanitised HTML from the server in a fully sandboxed frame: no scripts, no same origin, no
 * forms, no navigation. Never add allow-scripts here: the HTML is written by organization admins
 * and imported from elsewhere.
 */
export function HtmlPreview({ html, title, height = 480 }: { html: string; title: string; height?: number }) {
  return (
    <Box style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, overflow: 'hidden' }} bg="white">
      <iframe
        sandbox=""
        srcDoc={html}
        title={title}
        style={{ width: '100%', height, border: 0, display: 'block' }}
        referrerPolicy="no-referrer"
      />
    </Box>
  );
}
