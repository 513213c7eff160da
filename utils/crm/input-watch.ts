/** Watches phone inputs, whose `value` is a property: typing into one raises no mutation. */
export interface InputWatch {
  watch(input: HTMLInputElement): void;
  /** Compares every watched input with the value it was read with (each slice does). */
  recheck(): void;
  stop(): void;
}

export function createInputWatch(options: {
  document: Document;
  /** The agent (or the page) changed `input`: take back its control and read it again. */
  onChanged(input: HTMLInputElement): void;
  /** A `change` event on a watched input: rescan soon rather than at the next slice. */
  onChangeEvent(): void;
}): InputWatch {
  const values = new Map<HTMLInputElement, string>();

  function recheck(): void {
    for (const [input, value] of values) {
      if (!input.isConnected) values.delete(input);
      else if (input.value !== value) {
        values.delete(input);
        options.onChanged(input);
      }
    }
  }

  function onChange(event: Event): void {
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement && values.has(target)) {
      recheck();
      options.onChangeEvent();
    }
  }
  options.document.addEventListener('change', onChange, true);

  return {
    watch: (input) => values.set(input, input.value),
    recheck,
    stop() {
      options.document.removeEventListener('change', onChange, true);
      values.clear();
    },
  };
}
