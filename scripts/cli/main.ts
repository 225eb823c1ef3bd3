// `defuse <command>`: each command lives in its own module and is loaded only when asked for.
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }> = {
  classify: { summary: 'classify [FILE]    tension verdicts for JSON Lines of messages or threads', load: () => import('./classify') },
  config: { summary: 'config check FILE  validate app settings before pasting them into Zendesk', load: () => import('./config') },
  check: { summary: 'check [FILE]       draft checks for JSON Lines of agent drafts', load: () => import('./check') },
  scan: { summary: 'scan EXPORT        QA report (CSV + HTML) for a Zendesk ticket export; --apply tags the tickets', load: () => import('./scan') },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const usage = Object.values(COMMANDS).map((c) => `  defuse ${c.summary}`).join('\n');
    process.stderr.write(`${name && name !== '--help' ? `defuse: unknown command "${name}"\n` : ''}Usage:\n${usage}\n`);
    return name === '--help' ? 0 : 2;
  }
  return (await command.load()).run(rest);
}
