import { IntersectionType, PickType } from '@nestjs/swagger';
import { AuditQueryDto } from '../../../audit/dto/audit-query.dto';
import { PageQueryDto } from '../../dto/page-query.dto';

/** The audit viewer's GET form: the API's own filters (action, entity type, actor) and its page cursor. */
export class ConsoleAuditQueryDto extends IntersectionType(
  PageQueryDto,
  PickType(AuditQueryDto, ['action', 'entityType', 'actorId', 'cursor'] as const),
) {}
