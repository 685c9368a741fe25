/**
 * The question asked when an SFTP server shows a host key Folio has not seen: here is its
 * fingerprint, compare it with the one your host publishes, then trust it or stop.
 */

/** The fingerprint (`SHA256:...`) an unknown-host-key error names, or null for any other error. */
export function unknownHostKeyFingerprint(message: string): string | null {
  const found = message.match(/SHA256:[A-Za-z0-9+/]+=*/g) ?? []
  // Two fingerprints mean a key that changed: trusting it again must not be one click away.
  return found.length === 1 ? found[0] : null
}

/** Props: the fingerprint shown, what the server is, and the two answers. */
export interface PublishHostKeyPromptProps {
  fingerprint: string
  location: string
  onTrust: () => void
  onReject: () => void
}

/** The host-key prompt inside a target's card. */
export function PublishHostKeyPrompt({
  fingerprint,
  location,
  onTrust,
  onReject,
}: PublishHostKeyPromptProps) {
  return (
    <div className="publish-host-key" role="alertdialog" data-testid="host-key-prompt">
      <p>
        Folio has not connected to <strong>{location}</strong> before. Its host key fingerprint is:
      </p>
      <code className="publish-fingerprint" data-testid="host-key-fingerprint">
        {fingerprint}
      </code>
      <p className="publish-hint">
        Compare it with the fingerprint your host publishes. Trust it only if they are the same;
        Folio will then remember it and refuse any other key for this server.
      </p>
      <div className="modal-actions">
        <button type="button" className="button" data-testid="host-key-reject" onClick={onReject}>
          Don’t connect
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="host-key-trust"
          onClick={onTrust}
        >
          Trust and continue
        </button>
      </div>
    </div>
  )
}
