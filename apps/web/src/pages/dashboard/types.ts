import type { ApiResult } from '../../api/types';

export type Dashboard = ApiResult<'/dashboard'>;
