import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../common/decorators/auth.decorator';
import { AuditService } from './audit.service';
import { AuditPageDto, mapAuditEntry } from './dto/audit-entry.dto';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Searches the append-only audit log, newest first. */
  @Get()
  @Auth({ roles: ['admin', 'auditor'], scope: 'audit:read' })
  async search(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.query(query);
    return { items: page.items.map(mapAuditEntry), nextCursor: page.nextCursor };
  }
}
