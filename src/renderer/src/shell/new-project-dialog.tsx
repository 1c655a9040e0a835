// Asks for the name of a new project (main then asks where to put it with a native dialog).
import { useId, useState, type SubmitEvent } from 'react'
import { Modal } from '../common/modal'

interface NewProjectDialogProps {
  onCreate: (name: string) => void
  onCancel: () => void
}

/** The "New project" form. */
export function NewProjectDialog({ onCreate, onCancel }: NewProjectDialogProps) {
  const [name, setName] = useState('')
  const inputId = useId()
  const trimmed = name.trim()
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (trimmed) onCreate(trimmed)
  }
  return (
    <Modal
      title="New project"
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${inputId}-form`}
            className="button primary"
            disabled={!trimmed}
          >
            Create…
          </button>
        </>
      }
    >
      <form id={`${inputId}-form`} onSubmit={submit} className="form-row">
        <label htmlFor={inputId}>Project name</label>
        <input
          id={inputId}
          className="input"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          data-autofocus
          required
        />
      </form>
      <p className="hint">You will choose a folder for the project next.</p>
    </Modal>
  )
}
