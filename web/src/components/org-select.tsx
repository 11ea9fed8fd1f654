/**
 * A select of organisations, indented as the tree they form.
 */
import { Select, type SelectProps } from 'antd';
import { useOrganisations } from '../hooks/use-admin.js';
import { orgChoices } from '../lib/org-tree.js';

/** Select of an organisation code; extra Select props pass through. */
export function OrgSelect(props: Omit<SelectProps<string>, 'options' | 'loading'>) {
  const organisations = useOrganisations();
  const options = orgChoices(organisations.data?.organisations ?? []).map((choice) => ({
    value: choice.code,
    label: choice.name,
    title: choice.name,
    depth: choice.depth,
  }));
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择机构"
      {...props}
      loading={organisations.isPending}
      options={options}
      optionRender={(option) => <span style={{ paddingLeft: (option.data.depth as number) * 14 }}>{option.data.label}</span>}
    />
  );
}
