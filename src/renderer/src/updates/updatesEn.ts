/** App updates in Settings and the notice when one is ready: merged into `translation`. */
export const updatesEn = {
  updates: {
    title: 'App updates',
    intro:
      "ChapterDesk looks for a new version on the chapter's sync server when it starts and once a day, downloads it in the background (never during a sync) and asks before restarting.",
    current: 'This version: {{version}}',
    unavailable: "Updates come from the chapter's sync server: connect this laptop to one first.",
    idle: 'Not checked yet.',
    checking: 'Looking for a new version…',
    upToDate: 'This is the newest version.',
    available: 'Version {{version}} is available ({{size}}).',
    deferredSyncing: 'Version {{version}} downloads once the sync under way has ended.',
    deferredMetered:
      'Version {{version}} is available ({{size}}). This connection is metered, so it downloads only when you ask.',
    downloading: 'Downloading version {{version}}: {{done}} of {{total}}.',
    ready: 'Version {{version}} is ready. Restart ChapterDesk to use it.',
    restarting: 'Restarting to update…',
    offline: 'Could not reach the server: this laptop seems to be offline.',
    interrupted: 'The download was cut off at {{done}} of {{total}}. It resumes from there.',
    corrupt: 'The downloaded file was damaged and has been thrown away. Check again to start over.',
    feed: 'The server offers no update this version can use.',
    lastChecked: 'Last checked {{when}}.',
    checkNow: 'Check now',
    download: 'Download',
    resume: 'Resume download',
    restart: 'Restart to update',
    progress: 'Update download',
    metered: 'This connection is metered: download updates only when I ask (large syncs wait too)',
    notice: 'Version {{version}} of ChapterDesk is ready.',
    later: 'Later',
  },
};

export type UpdatesTranslation = typeof updatesEn;
