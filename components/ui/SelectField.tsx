import { type ComponentProps, useId } from "react";
import { FieldError } from "./FieldError";
import { inputClass } from "./styles";

type Props = ComponentProps<"select"> & {
  label: string;
  name: string;
  error?: string;
  options: readonly { value: string; label: string }[];
};

export function SelectField({ label, error, options, id, ...select }: Props) {
  const autoId = useId();
  const selectId = id ?? `${select.name}-${autoId}`;
  const errorId = `${selectId}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={selectId} className="font-medium">
        {label}
      </label>
      <select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={inputClass}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
