import { COMMANDS } from '../store/commands';

/** The shortcuts overlay, from the same table as the keys and their buttons' aria-keyshortcuts. */
export function HelpBody() {
  return (
    <table className="shortcuts">
      <caption className="sr-only">Keyboard shortcuts</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {Object.values(COMMANDS).map(
          (c) =>
            c.key && (
              <tr key={c.key.aria}>
                <td>
                  <kbd>{c.key.shown}</kbd>
                </td>
                <td>{c.does}</td>
              </tr>
            ),
        )}
        <tr>
          <td>
            <kbd>Tab</kbd>
          </td>
          <td>Move through every control; sliders take ← → and Page Up/Down</td>
        </tr>
      </tbody>
    </table>
  );
}
