// The time stamped on the entries of the zips an export writes (brat's zip, XLSX, REFI-QDA). It
// comes from the project, not the clock, so exporting the same project twice gives the same
// bytes. Zip entries hold a local date and time without a zone, which fflate fills from a Date's
// local fields; the Date returned here has local fields equal to the UTC time, so the bytes do not
// depend on the machine's time zone either.
import type { ProjectFile } from '../../../shared/model'

/** Zip dates start in 1980. */
const ZIP_EPOCH = Date.UTC(1980, 0, 1)

/** The entry time of an export of `project`: when the project was created, in UTC fields. */
export function zipTime(project: Pick<ProjectFile, 'createdAt'>): Date {
  const at = new Date(Math.max(Date.parse(project.createdAt) || ZIP_EPOCH, ZIP_EPOCH))
  return new Date(
    at.getUTCFullYear(),
    at.getUTCMonth(),
    at.getUTCDate(),
    at.getUTCHours(),
    at.getUTCMinutes(),
    at.getUTCSeconds(),
  )
}
