/** The shortcuts overlay; the same keys are declared with aria-keyshortcuts on their buttons. */
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
        <tr>
          <td>
            <kbd>Space</kbd>
          </td>
          <td>Play / Pause (not while typing in a field)</td>
        </tr>
        <tr>
          <td>
            <kbd>→</kbd>
          </td>
          <td>One training step while paused</td>
        </tr>
        <tr>
          <td>
            <kbd>?</kbd>
          </td>
          <td>This help</td>
        </tr>
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
