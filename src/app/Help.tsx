import { COMMANDS } from '../store/commands';

const MODE_NOTE = {
  train: 'Training',
  backward: 'Backward pass',
  scan: 'Parallel scan',
  any: 'Always',
} as const;

/** The shortcuts overlay, from the same table as the keys and their buttons' aria-keyshortcuts. */
export function HelpBody() {
  return (
    <table className="shortcuts">
      <caption className="sr-only">Keyboard shortcuts</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">When</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(COMMANDS).map(
          ([id, c]) =>
            c.key && (
              <tr key={id}>
                <td>
                  <kbd>{c.key.shown}</kbd>
                </td>
                <td>{MODE_NOTE[c.keyMode]}</td>
                <td>{c.does}</td>
              </tr>
            ),
        )}
        <tr>
          <td>
            <kbd>Tab</kbd>
          </td>
          <td>{MODE_NOTE.any}</td>
          <td>Move through every control; sliders take ← → and Page Up/Down</td>
        </tr>
      </tbody>
    </table>
  );
}
