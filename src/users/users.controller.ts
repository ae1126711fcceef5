import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { Auth } from '../common/decorators/auth.decorator';
import { CurrentActor } from '../common/decorators/current-actor.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersDto } from './dto/list-users.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { CreatedUserDto, mapUser, UserDto, UserPageDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBadRequestResponse({ description: 'Invalid input', type: ProblemDto })
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Lists accounts (staff, merchant and family), filtered and paginated. */
  @Get()
  @Auth({ roles: ['admin', 'auditor'], scope: 'users:read' })
  async list(@Query() query: ListUsersDto): Promise<UserPageDto> {
    const { items, total } = await this.users.list(query);
    return { items: items.map(mapUser), total, limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @Auth({ roles: ['admin', 'auditor'], scope: 'users:read' })
  @ApiNotFoundResponse({ type: ProblemDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return mapUser(await this.users.get(id));
  }

  /** Creates a staff account. Without `password`, one is generated and returned once. */
  @Post()
  @Auth({ roles: ['admin'] })
  @ApiConflictResponse({ description: 'E-mail already in use', type: ProblemDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<CreatedUserDto> {
    const { user, initialPassword } = await this.users.createStaff(actor, dto);
    return { ...mapUser(user), ...(initialPassword ? { initialPassword } : {}) };
  }

  /** Renames, re-roles, disables/enables or unlocks an account. */
  @Patch(':id')
  @Auth({ roles: ['admin'] })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ description: 'Would leave no active admin', type: ProblemDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return mapUser(await this.users.update(actor, id, dto));
  }
}
