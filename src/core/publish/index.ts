/**
 * Publishing: put a built site on the author's host (folder, sftp, ftp, s3, git, netlify), sending
 * only what changed, in an order that keeps the live site whole.
 */
export { publishSite, findTargetConfig, type PublishOptions } from './publishSite'
export { describeTarget, redactUrl } from './describeTarget'
export { envSecretSource, secretEnvName, secretKeysByType, type SecretSource } from './secretSource'
export { readPublishHistory, type PublishHistoryEntry } from './publishHistory'
export { targetTypes } from './createTarget'
export { defaultRetryPolicy, type RetryPolicy } from './retry'
export type { PublishTarget, RemoteEntry, RemoteListing, TargetContext } from './publishTarget'
export { testConnection, type ConnectionTestResult } from './testConnection'
