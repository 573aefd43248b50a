import type { Bool01 } from '../../db/dialect.js';
import type { OrganizationKind, RoleFamily, TerritoryKind } from './domain.js';

export interface OrganizationsTable {
  id: string;
  name: string;
  short_name: string | null;
  kind: OrganizationKind;
  siret: string | null;
  city: string | null;
  search_text: string;
  archived: Bool01;
  created_at: string;
  updated_at: string;
}

export interface TerritoriesTable {
  id: string;
  name: string;
  kind: TerritoryKind;
  region: string | null;
  created_at: string;
  updated_at: string;
}

export interface TerritoryMembersTable {
  territory_id: string;
  organization_id: string;
  is_lead: Bool01;
  shares_data: Bool01;
  joined_at: string;
}

export interface PeopleTable {
  id: string;
  organization_id: string;
  email: string;
  first_name: string;
  last_name: string;
  job_title: string | null;
  role_family: RoleFamily;
  service: string | null;
  site: string | null;
  is_manager: Bool01;
  active: Bool01;
  search_text: string;
  created_at: string;
  updated_at: string;
  deactivated_at: string | null;
}

export interface IdentityTables {
  organizations: OrganizationsTable;
  territories: TerritoriesTable;
  territory_members: TerritoryMembersTable;
  people: PeopleTable;
}
