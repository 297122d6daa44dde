import { useId, useState, type ReactNode } from 'react';

/** A labelled select over a fixed list of choices. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {props.hint && <small className="hint">{props.hint}</small>}
    </div>
  );
}

/**
 * A whole-number field that commits on Enter or blur, clamped to [min, max]; what was typed stays
 * editable until then, and a clamp is said out loud instead of silently applied.
 */
export function IntField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
  hint?: string;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  const [note, setNote] = useState<string | null>(null);
  // A new value from outside (a lesson, a link) replaces what was being typed.
  const [seen, setSeen] = useState(props.value);
  if (seen !== props.value) {
    setSeen(props.value);
    setText(String(props.value));
  }
  const commit = () => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) {
      setNote(`“${text}” is not a number; kept ${props.value}`);
      setText(String(props.value));
      return;
    }
    const v = Math.min(props.max, Math.max(props.min, Math.round(n)));
    setNote(v !== n ? `${props.label} must be ${props.min}–${props.max}; using ${v}` : null);
    setText(String(v));
    if (v !== props.value) props.onChange(v);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-describedby={note ? `${id}-note` : undefined}
      />
      {note ? (
        <small id={`${id}-note`} className="hint hint-warn" role="status">
          {note}
        </small>
      ) : (
        props.hint && <small className="hint">{props.hint}</small>
      )}
    </div>
  );
}

/** A labelled range slider with its value printed beside the label. */
export function SliderField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (v: number) => void;
  /** Text for the value readout and aria-valuetext. */
  format?: (v: number) => string;
  big?: boolean;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const id = useId();
  const shown = props.format ? props.format(props.value) : String(props.value);
  return (
    <div className={props.big ? 'field field-slider field-big' : 'field field-slider'}>
      <div className="field-row">
        <label htmlFor={id}>{props.label}</label>
        <output htmlFor={id} className="num">
          {shown}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        aria-valuetext={shown}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      {props.children}
    </div>
  );
}

/** A labelled checkbox switch. */
export function ToggleField(props: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field field-toggle">
      <div className="field-row">
        <label htmlFor={id}>{props.label}</label>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
        />
      </div>
      {props.children}
    </div>
  );
}
