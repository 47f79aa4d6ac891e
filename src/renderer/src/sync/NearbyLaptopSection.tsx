import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePeerAddress, type PeerStatus } from '../../../shared/sync-peer';
import { api } from '../api/client';
import { ErrorBanner } from '../components/ErrorBanner';
import { wordProblem } from '../i18n/errorWords';
import { useFormat } from '../i18n/useFormat';
import { useByteSize } from './useByteSize';

/** How often a waiting laptop asks whether the other one connected. */
const POLL_MS = 1000;

interface NearbyLaptopSectionProps {
  /** An exchange brought changes: the lists and the sync status are read again. */
  onChanged: () => void;
}

/** An address as the other laptop types it: IPv6 in brackets, so its colons are not read as the port's. */
const dialable = (address: string, port: number) =>
  address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;

/**
 * Settings' nearby laptop: one laptop lets another connect (showing its addresses to read out), the
 * other types one and connects; both then say what the exchange did. sync/peer on the data thread
 * does the work; a wait started before a reload is found again through sync.peerStatus.
 */
export function NearbyLaptopSection({ onChanged }: NearbyLaptopSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = useByteSize();
  const [status, setStatus] = useState<PeerStatus>({ state: 'idle', stoppedWaiting: false });
  const [address, setAddress] = useState('');
  const [addressInvalid, setAddressInvalid] = useState(false);
  const [connecting, setConnecting] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.call('sync.peerStatus', undefined).then(setStatus, setError);
  }, []);

  // While this laptop waits, the other laptop's connection shows up only in its status.
  const waiting = connecting === null && (status.state === 'listening' || status.state === 'exchanging');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      api.call('sync.peerStatus', undefined).then((next) => {
        setStatus(next);
        if (next.state === 'done') onChanged();
      }, setError);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, onChanged]);

  const listen = async () => {
    setError(null);
    try {
      const listening = await api.call('sync.peerListen', {});
      setStatus({ state: 'listening', ...listening });
    } catch (failure) {
      setError(failure);
    }
  };

  const cancel = async () => {
    setError(null);
    try {
      setStatus(await api.call('sync.peerCancel', undefined));
    } catch (failure) {
      setError(failure);
    }
  };

  const connect = async () => {
    const typed = address.trim();
    if (parsePeerAddress(typed) === null) {
      setAddressInvalid(true);
      return;
    }
    setAddressInvalid(false);
    setError(null);
    setConnecting(typed);
    try {
      const result = await api.call('sync.peerConnect', { address: typed });
      setStatus({ state: 'done', result });
      onChanged();
    } catch (failure) {
      // Said once, by the banner: the status' own copy of the problem is for a reload.
      setStatus({ state: 'idle', stoppedWaiting: false });
      setError(failure);
    } finally {
      setConnecting(null);
    }
  };

  const busy = connecting !== null || status.state === 'listening' || status.state === 'exchanging';

  return (
    <section aria-labelledby="nearby-title" className="card stack" data-testid="nearby-laptop">
      <h2 id="nearby-title" tabIndex={-1}>
        {t('nearby.title')}
      </h2>
      <p className="muted">{t('nearby.intro')}</p>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {status.state === 'failed' && error === null && (
        <p role="alert" className="field__error">
          {wordProblem(status.problem ?? { code: 'custom', params: {} }, t)}
        </p>
      )}
      <div className="button-row">
        {status.state === 'listening' ? (
          <button type="button" className="button" onClick={() => void cancel()}>
            {t('nearby.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void listen()}
          >
            {t('nearby.listen')}
          </button>
        )}
      </div>
      {/* One live region for the wait, the exchange and its outcome, there from the start. */}
      <div role="status" aria-live="polite" data-testid="nearby-status">
        {status.state === 'listening' &&
          (status.addresses.length > 0 ? (
            <>
              <p>{t('nearby.listening')}</p>
              <ul data-testid="nearby-addresses">
                {status.addresses.map((a) => (
                  <li key={a}>
                    <bdi dir="ltr">
                      <strong>{dialable(a, status.port)}</strong>
                    </bdi>
                  </li>
                ))}
              </ul>
              <p className="muted">{t('nearby.waitHint')}</p>
            </>
          ) : (
            <p>{t('nearby.noAddress')}</p>
          ))}
        {status.state === 'idle' && status.stoppedWaiting && <p>{t('nearby.stoppedWaiting')}</p>}
        {(status.state === 'exchanging' || connecting !== null) && (
          <p className="muted">
            {connecting !== null ? t('nearby.connecting', { address: connecting }) : t('nearby.exchanging')}
          </p>
        )}
        {status.state === 'done' && connecting === null && (
          <div data-testid="nearby-result">
            <p>{t('nearby.done')}</p>
            <dl className="details">
              <div className="details__row">
                <dt>{t('nearby.sent')}</dt>
                <dd data-testid="nearby-sent">{format.number(status.result.sent)}</dd>
              </div>
              <div className="details__row">
                <dt>{t('nearby.received')}</dt>
                <dd data-testid="nearby-received">{format.number(status.result.received)}</dd>
              </div>
              <div className="details__row">
                <dt>{t('nearby.applied')}</dt>
                <dd data-testid="nearby-applied">{format.number(status.result.applied)}</dd>
              </div>
              <div className="details__row">
                <dt>{t('nearby.alreadyHad')}</dt>
                <dd>{format.number(status.result.alreadyHad)}</dd>
              </div>
              <div className="details__row">
                <dt>{t('nearby.conflicts')}</dt>
                <dd>{format.number(status.result.conflicts)}</dd>
              </div>
              <div className="details__row">
                <dt>{t('nearby.bytes')}</dt>
                <dd>
                  {t('nearby.bytesValue', {
                    sent: size(status.result.bytesSent),
                    received: size(status.result.bytesReceived),
                  })}
                </dd>
              </div>
            </dl>
          </div>
        )}
      </div>
      <h3>{t('nearby.connectTitle')}</h3>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void connect();
        }}
      >
        <div className="field">
          <label htmlFor="nearby-address" className="field__label">
            {t('nearby.address')}
          </label>
          <input
            id="nearby-address"
            className="input"
            dir="ltr"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={address}
            aria-invalid={addressInvalid}
            aria-describedby="nearby-address-hint"
            onChange={(event) => {
              setAddress(event.target.value);
              setAddressInvalid(false);
            }}
          />
          <p id="nearby-address-hint" className={addressInvalid ? 'field__error' : 'field__hint'}>
            {addressInvalid ? t('nearby.addressInvalid') : t('nearby.addressHint')}
          </p>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('nearby.connect')}
          </button>
        </div>
      </form>
    </section>
  );
}
