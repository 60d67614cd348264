import { notFoundError, quotaError } from '../errors.js';
import { fingerprint, IdempotencyStore } from '../idempotency.js';
import type { ResolvedSeed, SeedEngagement, SeedOpportunity, SeedTemplate } from '../seed.js';
import type { StatsRecorder } from '../stats.js';
import { ServiceError } from '../wire.js';
import { buildPayload } from './payload.js';
import {
  type SnapshotKey,
  validateCreateSnapshot,
  validateGetSnapshot,
  validationError,
} from './validation.js';

export interface PartnerCentralDeps {
  seed: ResolvedSeed;
  accountId: string;
  region: string;
  maxSnapshotsPerResource: number;
  stats: StatsRecorder;
}

interface Snapshot {
  arn: string;
  revision: number;
  /** ISO 8601 with milliseconds, like AWS's date-time timestamps. */
  createdAt: string;
  payload: Record<string, unknown>;
  /** The engagement's member accounts when the snapshot was taken. */
  targetMemberAccounts: string[] | undefined;
}

interface CreateOutput {
  Arn: string;
  Revision: number;
}

type Body = Record<string, unknown>;

/** Immutable, append-only resource snapshots per (Catalog, Engagement, ResourceType, Resource, Template). */
export class SnapshotService {
  private readonly snapshots = new Map<string, Snapshot[]>();
  private readonly tokens = new IdempotencyStore<CreateOutput>();

  constructor(private readonly deps: PartnerCentralDeps) {}

  readonly handlers: Record<string, (body: Body) => unknown> = {
    CreateResourceSnapshot: (body) => this.create(body),
    GetResourceSnapshot: (body) => this.get(body),
  };

  reset(): void {
    this.snapshots.clear();
    this.tokens.clear();
  }

  private create(body: Body): CreateOutput {
    const input = validateCreateSnapshot(body);
    const { ClientToken: token, ...key } = input;
    // Token scope: account + catalog. A replay is answered before any other check, as AWS
    // must for SDK retries that resend the token.
    const scope = `${this.deps.accountId}/${key.Catalog}`;
    const print = fingerprint(key);
    const previous = this.tokens.lookup(scope, token, print);
    if (previous.kind === 'replay') return previous.result;
    if (previous.kind === 'mismatch') {
      throw new ServiceError(
        'ConflictException',
        409,
        'The ClientToken was already used with different request parameters. Use a new ClientToken.',
      );
    }
    const { engagement, opportunity } = this.findOpportunity(key);
    const template = this.findTemplate(key);
    const list = this.snapshots.get(this.keyString(key)) ?? [];
    if (list.length >= this.deps.maxSnapshotsPerResource) {
      throw quotaError(
        `The maximum of ${this.deps.maxSnapshotsPerResource} snapshots for ${key.ResourceIdentifier} with template ${key.ResourceSnapshotTemplateIdentifier} has been reached.`,
      );
    }
    const revision = list.length + 1;
    const snapshot: Snapshot = {
      arn: this.arn(key, revision),
      revision,
      createdAt: new Date().toISOString(),
      payload: buildPayload(template.view, opportunity),
      targetMemberAccounts: engagement.targetMemberAccounts?.slice(),
    };
    this.snapshots.set(this.keyString(key), [...list, snapshot]);
    const output = { Arn: snapshot.arn, Revision: revision };
    this.tokens.remember(scope, token, print, output);
    this.deps.stats.created('snapshots', token);
    return output;
  }

  private get(body: Body): Record<string, unknown> {
    const { Revision, ...key } = validateGetSnapshot(body);
    this.findOpportunity(key);
    this.findTemplate(key);
    const list = this.snapshots.get(this.keyString(key)) ?? [];
    const snapshot = Revision === undefined ? list.at(-1) : list[Revision - 1];
    if (snapshot === undefined) {
      const which = Revision === undefined ? 'No snapshot' : `Snapshot revision ${Revision}`;
      throw notFoundError(
        `${which} exists for ${key.ResourceType} ${key.ResourceIdentifier} with template ${key.ResourceSnapshotTemplateIdentifier} in engagement ${key.EngagementIdentifier}.`,
      );
    }
    return {
      Catalog: key.Catalog,
      Arn: snapshot.arn,
      CreatedBy: this.deps.accountId,
      CreatedAt: snapshot.createdAt,
      EngagementId: key.EngagementIdentifier,
      ResourceType: key.ResourceType,
      ResourceId: key.ResourceIdentifier,
      ResourceSnapshotTemplateName: key.ResourceSnapshotTemplateIdentifier,
      Revision: snapshot.revision,
      Payload: snapshot.payload,
      TargetMemberAccounts: snapshot.targetMemberAccounts,
    };
  }

  private findOpportunity(key: SnapshotKey): { engagement: SeedEngagement; opportunity: SeedOpportunity } {
    const engagement = this.deps.seed.engagements.find(
      (e) =>
        e.id === key.EngagementIdentifier &&
        (e.catalogs ?? ['AWS', 'Sandbox']).some((c) => c === key.Catalog),
    );
    if (engagement === undefined) {
      throw notFoundError(`Engagement ${key.EngagementIdentifier} was not found in catalog ${key.Catalog}.`);
    }
    const opportunity = engagement.opportunities.find((o) => o.id === key.ResourceIdentifier);
    if (opportunity === undefined) {
      throw notFoundError(
        `Opportunity ${key.ResourceIdentifier} was not found in engagement ${key.EngagementIdentifier}.`,
      );
    }
    return { engagement, opportunity };
  }

  /** Unknown template: 400 BUSINESS_VALIDATION_FAILED (our choice; AWS's answer is unverified). */
  private findTemplate(key: SnapshotKey): SeedTemplate {
    const template = this.deps.seed.templates.find((t) => t.name === key.ResourceSnapshotTemplateIdentifier);
    if (template === undefined) {
      throw validationError('BUSINESS_VALIDATION_FAILED', [
        {
          FieldName: 'ResourceSnapshotTemplateIdentifier',
          Code: 'INVALID_VALUE',
          Message: `Template ${key.ResourceSnapshotTemplateIdentifier} does not exist for resource type ${key.ResourceType}`,
        },
      ]);
    }
    return template;
  }

  private keyString(key: SnapshotKey): string {
    return [
      key.Catalog,
      key.EngagementIdentifier,
      key.ResourceType,
      key.ResourceIdentifier,
      key.ResourceSnapshotTemplateIdentifier,
    ].join('/');
  }

  // Our invention: AWS's snapshot ARN layout is not published.
  private arn(key: SnapshotKey, revision: number): string {
    const { region, accountId } = this.deps;
    return `arn:aws:partnercentral:${region}:${accountId}:catalog/${key.Catalog}/engagement/${key.EngagementIdentifier}/resource-snapshot/${key.ResourceIdentifier}/${key.ResourceSnapshotTemplateIdentifier}/${revision}`;
  }
}
