import { NotFoundError } from '../../platform/errors.ts';
import { type EstateItem, getEstate } from '../../store/estates.ts';

/** The estate, if it exists in the caller's workspace; another workspace's is a 404. */
export async function ownedEstate(
  estateId: string,
  workspaceId: string,
): Promise<EstateItem> {
  const estate = await getEstate(estateId);
  if (!estate || estate.workspace_id !== workspaceId)
    throw new NotFoundError('estate', estateId);
  return estate;
}
