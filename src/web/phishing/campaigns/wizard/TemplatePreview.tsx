import { Center, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import type { TemplatePreview as Preview, Template } from '../types.js';

/**
 * The chosen email as a sample person would receive it. The HTML is shown in a sandboxed frame with
 * no permission at all (no scripts, no forms, no top navigation): it comes from editable content.
 */
export function TemplatePreview({ owner, templateId }: { owner: Owner; templateId: string }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const preview = useQuery({
    queryKey: [...campaignKeys.library(owner, 'preview'), templateId, i18n.language],
    queryFn: async () => {
      const template = await api<Template>(campaignApi.template(owner, templateId));
      const language = i18n.language === 'en' && template.texts.en ? 'en' : template.texts.fr ? 'fr' : 'en';
      const text = template.texts[language];
      if (!text) return null;
      const shown = await api<Preview>(campaignApi.templatePreview(owner), { body: { subject: text.subject, html: text.html, language } });
      return { ...shown, fromName: text.fromName };
    },
  });
  if (preview.isPending) {
    return (
      <Center py="md" role="status">
        <Loader size="sm" aria-label={t('wizard.template.previewLoading')} />
      </Center>
    );
  }
  if (preview.error) return <ErrorAlert error={preview.error} />;
  if (!preview.data) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text size="sm">
          <strong>{t('wizard.template.from')}</strong> {preview.data.fromName}
        </Text>
        <Text size="sm">
          <strong>{t('wizard.template.subject')}</strong> {preview.data.subject}
        </Text>
        <iframe
          title={t('wizard.template.previewFrame')}
          sandbox=""
          srcDoc={preview.data.html}
          style={{ width: '100%', height: 420, border: '1px solid var(--mantine-color-gray-4)', background: 'white' }}
        />
      </Stack>
    </Paper>
  );
}
