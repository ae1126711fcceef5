import { Controller, Get, Header } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ProblemDto } from '../../common/problem/problem.dto';
import { Public } from '../../common/decorators/auth.decorator';
import { JwksDto } from './signing-key.dto';
import { SigningKeysService } from './signing-keys.service';

@ApiTags('cards')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeysService) {}

  /** The public keys that verify card tokens offline (OKP/Ed25519, RFC 8037); see docs/card-token.md. */
  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiServiceUnavailableResponse({ description: 'Database unreachable', type: ProblemDto })
  async jwks(): Promise<JwksDto> {
    return { keys: await this.keys.published() };
  }
}
