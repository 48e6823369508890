// Models of the dashboard API, mirroring the Python ones (parley_contracts.events, parley_dashboard.schemas,
// parley_conversations.operators, parley_business). Dates are ISO-8601 strings on the wire; keep them so
// and parse where they are shown.

export type Channel = "whatsapp" | "messenger" | "instagram" | "telegram" | "email" | "mercadolibre";
export const CHANNELS: Channel[] = ["whatsapp", "messenger", "instagram", "telegram", "email", "mercadolibre"];

export type ThreadStatus = "bot" | "needs_human" | "human" | "resolved";
export const STATUSES: ThreadStatus[] = ["bot", "needs_human", "human", "resolved"];

export type AuthorKind = "customer" | "bot" | "operator" | "system";
export type DeliveryState = "queued" | "sent" | "delivered" | "read" | "failed";
export type Role = "operator" | "manager" | "admin";
export type Availability = "online" | "away";
export type View = "mine" | "unassigned" | "bot" | "all";
export const VIEWS: View[] = ["mine", "unassigned", "bot", "all"];

export interface Contact {
  id: string;
  name: string | null;
}

export interface Assignee {
  id: string;
  name: string | null;
}

export interface LastMessage {
  text: string;
  at: string;
  author: AuthorKind;
  type: string;
}

export interface ThreadView {
  thread_key: string;
  tenant: string;
  channel: Channel;
  account_id: string;
  contact: Contact;
  status: ThreadStatus;
  assignee: Assignee | null;
  handoff_reason: string | null;
  status_changed_at: string | null;
  language: string | null;
  last_sentiment: string | null;
  labels: string[];
  message_count: number;
  last_message: LastMessage | null;
  last_inbound_at: string | null;
  reply_window_closes_at: string | null;
  /** Messenger/Instagram: people may still answer (tagged HUMAN_AGENT) until then, past the 24-hour window. */
  operator_window_closes_at?: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface MediaRef {
  kind: string;
  media_id: string | null;
  provider_media_id: string | null;
  mime_type: string | null;
  filename: string | null;
  size: number | null;
  sha256?: string | null;
}

export interface Sentiment {
  label: "positive" | "neutral" | "negative";
  score: number;
}

export interface KbMatch {
  chunk_id: string;
  document_id: string;
  section: string | null;
  score: number;
  text: string;
}

export interface SuggestedReply {
  text: string;
  confidence: number;
  source: "knowledge_base" | "llm" | "flow" | "fallback";
  language: string | null;
  section: string | null;
}

export interface Analysis {
  language: string;
  language_confidence: number;
  intent: string;
  sentiment: Sentiment;
  topics: string[];
  keywords: string[];
  entities: { type: string; value: string }[];
  category: string;
  priority: "low" | "medium" | "high";
  wants_human: boolean;
  kb_matches: KbMatch[];
  reply: SuggestedReply | null;
  engine: string;
  model: string | null;
  processing_ms: number;
}

export interface QuickReply {
  id: string;
  title: string;
}

export interface StatusChange {
  status: DeliveryState;
  at: string;
  error: string | null;
}

export interface MessageView {
  id: string;
  thread_key: string;
  direction: "in" | "out" | "internal";
  author: AuthorKind;
  author_id: string | null;
  author_name: string | null;
  type: string;
  text: string;
  media: MediaRef[];
  data: Record<string, unknown>;
  quick_replies: QuickReply[];
  at: string;
  sent_at: string | null;
  status: DeliveryState | null;
  status_history: StatusChange[];
  error: string | null;
  analysis: Analysis | null;
}

export interface Actor {
  kind: string;
  id: string | null;
  name: string | null;
}

export interface Transition {
  trigger: string;
  from_status: ThreadStatus;
  to_status: ThreadStatus;
  from_assignee: string | null;
  to_assignee: string | null;
  actor: Actor;
  reason: string | null;
  at: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export type ViewCounts = Record<View, number>;

export interface Operator {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenants: string[];
  availability: Availability;
  auto_assign: boolean;
  max_open: number | null;
  active: boolean;
  created_at: string;
}

export interface TokenOut {
  access_token: string;
  token_type: "bearer";
  expires_at: string;
  expires_in: number;
  operator: Operator;
}

export interface Me {
  kind: "operator" | "integration";
  id: string;
  name: string;
  role: Role;
  tenants: string[] | null;
  operator: Operator | null;
  unread_notifications: number;
}

/** What an admin edits: PUT /api/business-units/{tenant} (unknown fields are refused). */
export interface UnitSettings {
  name: string | null;
  logo_url: string | null;
  idle_timeout_seconds: number | null;
  max_open_per_operator: number;
  email_managers: boolean;
  whatsapp_number?: string | null;
  /** IANA name; the unit's analytics count days from its midnight. */
  time_zone: string;
}

export interface BusinessUnit extends UnitSettings {
  tenant: string;
  updated_at: string | null;
}

export interface TeamMember {
  operator: Operator;
  open_threads: number;
  cap: number;
  last_assigned_at: string | null;
  /** When a console of theirs was last connected (or they logged in). */
  last_seen_at: string | null;
}

export interface CommandOut {
  command_id: string;
  outcome: "applied" | "unchanged" | "rejected" | "pending";
  reason: string | null;
  thread: ThreadView | null;
}

export interface Notification {
  id: string;
  recipient: string;
  tenant: string;
  thread_key: string | null;
  kind: string; // assigned, handoff, new_message, delivery_failed
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

export interface KindLimits {
  max_bytes: number;
  mime_types: string[];
}

export interface AttachmentRules {
  kinds: Record<string, KindLimits>;
}

/** A business unit's saved reply: typed as `/short_code` in the reply box (parley_dashboard.saved_replies). */
export interface SavedReply {
  short_code: string;
  text: string;
  updated_at: string;
  updated_by: string | null;
}

/** A WhatsApp template as `GET /api/templates` lists it (parley_dashboard.templates.TemplateInfo).
 * `parameters`: how many body placeholders {{1}}, {{2}}, … it takes. */
export interface TemplateInfo {
  name: string;
  language: string;
  category?: string | null;
  header?: string | null;
  body: string;
  footer?: string | null;
  parameters: number;
}

export interface TemplateMessage {
  name: string;
  language: string;
  parameters: string[];
}

export interface DocumentInfo {
  document_id: string;
  filename: string;
  version: string;
  pages: number;
  chunks: number;
  sections: string[];
  size_bytes: number;
  sha256: string;
  uploaded_at: string | null;
}

export interface DocumentSummary {
  document_id?: string;
  filename?: string;
  chunks?: number;
  [key: string]: unknown;
}

export interface SearchHit {
  section: string | null;
  score: number;
  coverage: number;
  matched: string[];
  text: string;
}

export interface SearchResponse {
  query: string;
  answer: string | null;
  section: string | null;
  confidence: number;
  hits: SearchHit[];
}

export interface BotSettings {
  name: string;
  personality: string;
  system_prompt: string;
  languages: string[];
  channels: string[];
  model: string | null;
  temperature: number;
  handoff_threshold: number;
  knowledge_base_enabled: boolean;
  greeting: string | null;
}

export interface BotConfig extends BotSettings {
  tenant: string;
  updated_at: string | null;
}

export interface KeyCount {
  key: string;
  count: number;
}

export interface Percentiles {
  p50: number | null;
  p90: number | null;
  count: number;
}

export interface Analytics {
  tenant: string | null;
  since: string;
  until: string;
  /** The IANA zone the days are counted in; null when units in different zones are added up. */
  time_zone: string | null;
  totals: {
    conversations: number;
    messages_in: number;
    messages_out: number;
    handoffs: number;
    handoff_rate: number;
    bot_answer_rate: number;
    resolved: number;
  };
  per_day: { day: string; channel: string; conversations: number; messages: number }[];
  languages: KeyCount[];
  sentiment: KeyCount[];
  categories: KeyCount[];
  handoff_reasons: { key: string; label: string; count: number }[];
  first_response_seconds: Percentiles;
  resolution_seconds: Percentiles;
  operators: { operator_id: string; name: string; open_threads: number; replies: number; resolved: number }[];
}

export interface ContactProfile {
  channel: Channel;
  contact_id: string;
  name: string | null;
  first_seen: string | null;
  last_seen: string | null;
  threads: ThreadView[];
  messages_in: number;
  languages: KeyCount[];
  average_sentiment: number | null;
  sentiment_trend: { at: string; score: number; label: string }[];
  topics: KeyCount[];
  click_to_chat: { url: string; referral: string } | null;
}

/** What `WS /api/live` sends. */
export type LiveEvent =
  | { type: "hello"; id: string; name: string; role: Role; tenants: string[] | null }
  | { type: "ping" }
  | { type: "notification"; notification: Notification }
  | {
      type: "thread.updated";
      thread_key: string;
      thread: ThreadView | null;
      messages: MessageView[];
      transitions: Transition[];
      command_id: string | null;
      outcome: "applied" | "unchanged" | "rejected" | null;
      reason: string | null;
    };

/** A channel account as `GET /api/channel-accounts` lists it (parley_business.ChannelAccountView): no secret values. */
export interface ChannelAccountView {
  channel: Channel;
  account_id: string;
  tenant: string;
  name?: string | null;
  config: Record<string, string | number | boolean>;
  secrets_set: string[];
  enabled: boolean;
  created_at?: string | null;
  updated_at?: string | null;
}

interface KeyNames {
  required: string[];
  optional: string[];
}

/** What connecting one channel's account takes (`GET /api/channel-accounts/specs`). */
export interface AccountSpec {
  account_id: string;
  config: KeyNames;
  secrets: KeyNames;
}

export interface ChannelAccountIn {
  tenant: string;
  name?: string | null;
  config: Record<string, string | number | boolean>;
  secrets: Record<string, string>;
  enabled: boolean;
}

// --- question flows (parley_business.flows, parley_conversations.flows, parley_dashboard.routes.flows) ---------

export type LocalText = Record<string, string>;
export type QuestionKind = "text" | "yes_no" | "choice" | "number" | "email" | "phone" | "date";
export type FlowSessionState = "waiting_for_answer" | "processing" | "ended" | "failed" | "abandoned";
export const FLOW_SESSION_STATES: FlowSessionState[] = ["waiting_for_answer", "processing", "ended", "failed", "abandoned"];
export type FlowOutcome = "completed" | "handed_off" | "reset" | "idle" | "api_failed";

export interface FlowQuestion {
  id: string;
  text: LocalText;
  required: boolean;
  kind: QuestionKind;
  choices: { id: string; title: LocalText }[];
  minimum: number | null;
  maximum: number | null;
  reask: LocalText;
}

export interface FlowEndpoint {
  url: string;
  timeout_seconds: number;
  retries: number;
  /** Write-only: always null when read (`secret_set` says whether one is stored). */
  secret?: string | null;
  [key: string]: unknown;
}

/** A flow as an admin writes it (`PUT /api/tenants/{tenant}/flows/{flow_id}`). */
export interface FlowIn {
  name: string;
  enabled: boolean;
  trigger: { keywords: Record<string, string[]>; intent: string | null; button: string | null; every_new_conversation: boolean };
  questions: FlowQuestion[];
  endpoint: FlowEndpoint | null;
  final_message: LocalText;
  failure_message: LocalText;
}

/** One stored version of a flow (never with its endpoint's secret). */
export interface FlowVersion extends FlowIn {
  tenant: string;
  flow_id: string;
  version: number;
  secret_set: boolean;
  updated_at: string | null;
  updated_by: string | null;
}

export interface FlowAnswer {
  question_id: string;
  value: string | null;
  text: string;
  at: string;
  round: number;
}

export interface FlowSessionSummary {
  session_id: string;
  flow_id: string;
  flow_version: number;
  flow_name: string;
  thread_key: string;
  contact: Contact;
  channel: string;
  state: FlowSessionState;
  outcome: FlowOutcome | null;
  answered: number;
  questions: number;
  started_at: string;
  updated_at: string;
  ended_at: string | null;
  last_error: string | null;
}

export interface FlowSessionPage {
  items: FlowSessionSummary[];
  limit: number;
  offset: number;
  more: boolean;
}

export interface FlowSession {
  session_id: string;
  tenant: string;
  thread_key: string;
  channel: string;
  contact: Contact;
  flow_id: string;
  flow_version: number;
  flow_name: string;
  language: string;
  state: FlowSessionState;
  outcome: FlowOutcome | null;
  questions: FlowQuestion[];
  position: number;
  round: number;
  answers: Record<string, FlowAnswer>;
  attempt: number;
  last_error: string | null;
  api_replies: Record<string, unknown>[];
  started_at: string;
  updated_at: string;
  ended_at: string | null;
}

export interface FlowTestMessage {
  text: string;
  payload: string | null;
}

export interface FlowTestOut {
  flow_id: string;
  flow_version: number;
  language: string;
  steps: { message: FlowTestMessage | null; lines: { text: string; quick_replies: QuickReply[] }[]; state: FlowSessionState }[];
  state: FlowSessionState;
  outcome: FlowOutcome | null;
  answers: Record<string, string | null>;
  would_submit: Record<string, unknown> | null;
}
