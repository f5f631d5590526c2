import type { Migration } from "kysely";
import * as createOrganizationsUsersAudit from "./2026_11_23_1800_create_organizations_users_audit";
import * as createGongConnections from "./2026_11_23_1900_create_gong_connections";
import * as createSyncTables from "./2026_11_23_2000_create_sync_tables";
import * as createWebhookDeliveries from "./2026_11_23_2100_create_webhook_deliveries";
import * as createInsightsAndTrackers from "./2026_11_23_2110_create_insights_and_trackers";
import * as createApiKeys from "./2026_11_23_2120_create_api_keys";
import * as addCallPartiesTrigramIndex from "./2026_11_23_2130_add_call_parties_trigram_index";
import * as addTokenVersionToGongConnections from "./2026_12_01_2100_add_token_version_to_gong_connections";
import * as extendSyncTables from "./2026_12_01_2110_extend_sync_tables";
import * as boundWebhookDeliveries from "./2026_12_01_2120_bound_webhook_deliveries";
import * as addDefaultTrackersSeededAtToOrganizations from "./2026_12_03_1030_add_default_trackers_seeded_at_to_organizations";
import * as replaceSignInFailuresWithAttempts from "./2026_12_06_1100_replace_sign_in_failures_with_attempts";
import * as addSessionVersionToUsers from "./2026_12_06_1110_add_session_version_to_users";
import * as scopeTranscriptSearchToOrganizations from "./2026_12_06_1200_scope_transcript_search_to_organizations";
import * as addMediaFetchLeaseAndUserRateLimits from "./2026_12_06_1210_add_media_fetch_lease_and_user_rate_limits";
import * as createQuarantinedGongRecords from "./2026_12_06_1300_create_quarantined_gong_records";
import * as addAuthToWebhookDeliveries from "./2026_12_06_1500_add_auth_to_webhook_deliveries";
import * as addExpiresAtToApiKeys from "./2026_12_06_1510_add_expires_at_to_api_keys";
import * as addWorkflowRunIdToSyncRuns from "./2026_12_06_1600_add_workflow_run_id_to_sync_runs";
import * as createWebhookEndpointsAndOutboundDeliveries from "./2026_12_06_1700_create_webhook_endpoints_and_outbound_deliveries";
import * as addDeactivatedAtToUsers from "./2026_12_06_1800_add_deactivated_at_to_users";
import * as addManagersSeeTeamToOrganizations from "./2026_12_06_1810_add_managers_see_team_to_organizations";
import * as createCallMetricsAndRepWeeklyMetrics from "./2026_12_06_1900_create_call_metrics_and_rep_weekly_metrics";
import * as backfillCallMetrics from "./2026_12_06_1910_backfill_call_metrics";
import * as addUrlEncryptedToWebhookEndpoints from "./2026_12_06_2010_add_url_encrypted_to_webhook_endpoints";

/** Every migration, by name; names sort in the order they run. Append only. */
export const migrations: Record<string, Migration> = {
  "2026_11_23_1800_create_organizations_users_audit": createOrganizationsUsersAudit,
  "2026_11_23_1900_create_gong_connections": createGongConnections,
  "2026_11_23_2000_create_sync_tables": createSyncTables,
  "2026_11_23_2100_create_webhook_deliveries": createWebhookDeliveries,
  "2026_11_23_2110_create_insights_and_trackers": createInsightsAndTrackers,
  "2026_11_23_2120_create_api_keys": createApiKeys,
  "2026_11_23_2130_add_call_parties_trigram_index": addCallPartiesTrigramIndex,
  "2026_12_01_2100_add_token_version_to_gong_connections": addTokenVersionToGongConnections,
  "2026_12_01_2110_extend_sync_tables": extendSyncTables,
  "2026_12_01_2120_bound_webhook_deliveries": boundWebhookDeliveries,
  "2026_12_03_1030_add_default_trackers_seeded_at_to_organizations": addDefaultTrackersSeededAtToOrganizations,
  "2026_12_06_1100_replace_sign_in_failures_with_attempts": replaceSignInFailuresWithAttempts,
  "2026_12_06_1110_add_session_version_to_users": addSessionVersionToUsers,
  "2026_12_06_1200_scope_transcript_search_to_organizations": scopeTranscriptSearchToOrganizations,
  "2026_12_06_1210_add_media_fetch_lease_and_user_rate_limits": addMediaFetchLeaseAndUserRateLimits,
  "2026_12_06_1300_create_quarantined_gong_records": createQuarantinedGongRecords,
  "2026_12_06_1500_add_auth_to_webhook_deliveries": addAuthToWebhookDeliveries,
  "2026_12_06_1510_add_expires_at_to_api_keys": addExpiresAtToApiKeys,
  "2026_12_06_1600_add_workflow_run_id_to_sync_runs": addWorkflowRunIdToSyncRuns,
  "2026_12_06_1700_create_webhook_endpoints_and_outbound_deliveries": createWebhookEndpointsAndOutboundDeliveries,
  "2026_12_06_1800_add_deactivated_at_to_users": addDeactivatedAtToUsers,
  "2026_12_06_1810_add_managers_see_team_to_organizations": addManagersSeeTeamToOrganizations,
  "2026_12_06_1900_create_call_metrics_and_rep_weekly_metrics": createCallMetricsAndRepWeeklyMetrics,
  "2026_12_06_1910_backfill_call_metrics": backfillCallMetrics,
  "2026_12_06_2010_add_url_encrypted_to_webhook_endpoints": addUrlEncryptedToWebhookEndpoints,
};
